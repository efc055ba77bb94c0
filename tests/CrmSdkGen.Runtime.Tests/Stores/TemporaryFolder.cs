namespace CrmSdkGen.Runtime.Tests.Stores;

/// <summary>A folder of its own under the temporary folder, deleted with what it holds.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("crmsdkgen-store").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held on another platform's terms is left to the temporary folder's cleanup.
        }
    }
}
