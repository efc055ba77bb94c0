using Acme.Crm.Models;
using CrmSdkGen.Runtime;
using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>Models know what changed since they were read, so a PATCH of an edited model sends only the edits.</summary>
public sealed class ChangeTrackingTests(EchoServer echo) : IClassFixture<EchoServer>
{
    private const string Loaded = """{"email":"ada@example.com","firstName":"Ada","phone":"+1","tags":["vip"],"x-source":"import"}""";

    [Fact]
    public void A_read_model_has_no_changes_until_a_property_is_assigned()
    {
        var input = JsonModel.Parse<ContactInput>(Loaded);
        Assert.False(input.HasChanges);

        input.FirstName = "Augusta";
        input.Phone = null;

        Assert.True(input.HasChanges);
        Assert.True(input.IsChanged("firstName"));
        Assert.False(input.IsChanged("email"));
        Assert.Equal("""{"firstName":"Augusta","phone":null}""", JsonModel.ChangesToJson(input));
        Assert.Equal("""{"email":"ada@example.com","firstName":"Augusta","phone":null,"tags":["vip"],"x-source":"import"}""", JsonModel.ToJson(input));

        input.AcceptChanges();
        Assert.False(input.HasChanges);
        Assert.Equal("{}", JsonModel.ChangesToJson(input));
    }

    [Fact]
    public async Task A_PATCH_of_an_edited_model_sends_only_the_edits_and_a_PUT_sends_it_whole()
    {
        var input = JsonModel.Parse<ContactInput>(Loaded);
        input.LastName = "Lovelace";

        var patch = new ApiRequest(HttpMethod.Patch, "/contacts/1");
        patch.SetJsonBody(input, ModelCodec<ContactInput>.Instance);
        var put = new ApiRequest(HttpMethod.Put, "/contacts/1");
        put.SetJsonBody(input, ModelCodec<ContactInput>.Instance);

        Assert.Equal("""{"lastName":"Lovelace"}""", (await echo.SendAsync(patch, new ApiClientOptions())).GetProperty("body").GetString());
        Assert.Equal(JsonModel.ToJson(input), (await echo.SendAsync(put, new ApiClientOptions())).GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_PATCH_of_a_model_never_edited_since_it_was_read_sends_it_as_read()
    {
        var input = JsonModel.Parse<ContactInput>(Loaded);
        var patch = new ApiRequest(HttpMethod.Patch, "/contacts/1");
        patch.SetJsonBody(input, ModelCodec<ContactInput>.Instance);

        Assert.Equal(JsonModel.ToJson(input), (await echo.SendAsync(patch, new ApiClientOptions())).GetProperty("body").GetString());
    }
}
