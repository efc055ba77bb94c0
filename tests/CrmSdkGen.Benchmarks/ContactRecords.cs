using System.Text.Json;

namespace CrmSdkGen.Benchmarks;

/// <summary>Thirty-property contact records as JSON; when asked, every twentieth one is broken in one of four ways.</summary>
internal static class ContactRecords
{
    public static string[] Generate(int count, bool broken = true)
    {
        var records = new string[count];
        for (var i = 0; i < count; i++)
        {
            var contact = HandWrittenContact.Sample();
            contact.Id = "c-" + i;
            contact.Email = $"person{i}@example.com";
            contact.Score = i % 100;
            if (broken && i % 20 == 19)
            {
                switch (i / 20 % 4)
                {
                    case 0: contact.Email = "not an email"; break;
                    case 1: contact.Country = "Great Britain"; break;
                    case 2: contact.Score = 250; break;
                    default: contact.Tags = ["vip", "vip"]; break;
                }
            }

            records[i] = JsonSerializer.Serialize(contact, HandWrittenJson.Default.HandWrittenContact);
        }

        return records;
    }
}
