using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Data.Sqlite;

namespace CrmSdkGen.Benchmarks;

/// <summary>
/// The HubSpot receiver an integrator writes without the package, the webhook benchmark's peer: the v3 signature
/// checked over the raw body in constant time, then each event of the delivery inserted (ignored when its id is
/// already there) in one transaction on a pooled connection, then 200.
/// </summary>
internal static class HandWrittenReceiver
{
    public static void Map(WebApplication app, string path, string secret)
    {
        var connectionString = $"Data Source={path};Pooling=True";
        using (var setup = new SqliteConnection(connectionString))
        {
            setup.Open();
            using var command = setup.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE events (id TEXT PRIMARY KEY, payload BLOB NOT NULL, received INTEGER NOT NULL);";
            command.ExecuteNonQuery();
        }

        var key = Encoding.UTF8.GetBytes(secret);
        app.MapPost("/webhooks/hubspot", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var timestamp = context.Request.Headers["X-HubSpot-Request-Timestamp"].ToString();
            var signed = Encoding.UTF8.GetBytes("POST" + context.Request.GetEncodedUrl()).Concat(body).Concat(Encoding.UTF8.GetBytes(timestamp)).ToArray();
            var expected = HMACSHA256.HashData(key, signed);
            var given = new byte[32];
            if (!Convert.TryFromBase64String(context.Request.Headers["X-HubSpot-Signature-v3"].ToString(), given, out var written) || written != given.Length || !CryptographicOperations.FixedTimeEquals(expected, given))
            {
                return Results.Unauthorized();
            }

            using var document = JsonDocument.Parse(body);
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using (var durability = connection.CreateCommand())
            {
                // The inbox's durability: the write-ahead log survives a killed process; fsync at checkpoints.
                durability.CommandText = "PRAGMA synchronous=NORMAL;";
                await durability.ExecuteNonQueryAsync();
            }

            await using var transaction = connection.BeginTransaction();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT OR IGNORE INTO events (id, payload, received) VALUES ($id, $payload, $received);";
                insert.Parameters.AddWithValue("$id", item.GetProperty("eventId").GetRawText());
                insert.Parameters.AddWithValue("$payload", Encoding.UTF8.GetBytes(item.GetRawText()));
                insert.Parameters.AddWithValue("$received", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
            return Results.Ok();
        });
    }
}
