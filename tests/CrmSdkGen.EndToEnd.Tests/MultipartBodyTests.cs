using System.Text;
using Acme.Crm.Models;
using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>multipart/form-data bodies built from generated models with a binary property.</summary>
public sealed class MultipartBodyTests(EchoServer server) : IClassFixture<EchoServer>
{
    [Fact]
    public async Task Files_become_file_parts_and_other_properties_text_parts()
    {
        var body = new UploadAttachmentRequest
        {
            File = new FileContent(Encoding.UTF8.GetBytes("call notes: renew in May"), "notes.txt", "text/plain"),
            Description = "Call notes",
            Pinned = true,
        };
        var request = new ApiRequest(HttpMethod.Post, "/contacts/1/attachments");
        request.SetMultipartBody(body, ModelCodec<UploadAttachmentRequest>.Instance);

        var echo = await server.SendAsync(request);
        var received = echo.GetProperty("body").GetString()!;

        Assert.StartsWith("multipart/form-data; boundary=", echo.GetProperty("headers").GetProperty("content-type").GetString());
        Assert.Contains("Content-Disposition: form-data; name=file; filename=notes.txt", received);
        Assert.Contains("Content-Type: text/plain", received);
        Assert.Contains("call notes: renew in May", received);
        Assert.Contains("Content-Disposition: form-data; name=description", received);
        Assert.Contains("Call notes", received);
        Assert.Contains("Content-Disposition: form-data; name=pinned", received);
        Assert.DoesNotContain("crmsdkgen-file", received, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_a_multipart_body_a_file_property_is_its_text()
    {
        var body = new UploadAttachmentRequest { File = new FileContent(Encoding.UTF8.GetBytes("abc"), "a.txt") };

        Assert.Equal("""{"file":"abc"}""", JsonModel.ToJson(body));
    }
}
