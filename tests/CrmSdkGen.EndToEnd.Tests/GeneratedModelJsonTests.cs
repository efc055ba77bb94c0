using System.Text.Json;
using Acme.Crm.Models;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>The JSON code the generator emitted for the Acme models, compiled into this project.</summary>
public sealed class GeneratedModelJsonTests
{
    private const string FullContact = """{"id":"42","email":"a@b.c","phone":null,"lifecycleStage":"champion","tags":["x"],"address":{"city":"Paris","geo":{"lat":1.5}},"customProperties":{"k":"v"},"createdAt":"2024-05-01T10:00:00+00:00","updatedAt":"2024-05-02T10:00:00+00:00","archived":false,"hs_unknown":{"deep":[1,"two",null]}}""";

    [Fact]
    public void Unknown_properties_and_enum_values_round_trip_unchanged()
    {
        var contact = JsonModel.Parse<Contact>(FullContact);

        Assert.Equal("champion", contact.LifecycleStage!.Value.Value);
        Assert.False(contact.LifecycleStage.Value.IsKnown);
        Assert.Equal(JsonValueKind.Object, contact.AdditionalProperties["hs_unknown"].ValueKind);
        Assert.Equal(1.5, contact.Address!.AdditionalProperties["geo"].GetProperty("lat").GetDouble());
        Assert.Equal(FullContact, JsonModel.ToJson(contact));
    }

    [Fact]
    public void Unset_and_null_are_different_states()
    {
        var patch = new ContactInput { Phone = null, FirstName = "Ada" };

        Assert.True(patch.IsSet("phone"));
        Assert.False(patch.IsSet("lastName"));
        Assert.Equal("""{"firstName":"Ada","phone":null}""", JsonModel.ToJson(patch));
        Assert.Equal("{}", JsonModel.ToJson(new ContactInput()));
    }

    [Fact]
    public void A_required_property_missing_from_the_json_is_a_JsonException_that_names_it()
    {
        var error = Assert.Throws<JsonException>(() => JsonModel.Parse<Contact>("""{"id":"1","createdAt":"2024-05-01T10:00:00Z","updatedAt":"2024-05-01T10:00:00Z","archived":true}"""));

        Assert.Contains("'email'", error.Message);
        Assert.Contains("Contact", error.Message);
    }

    [Fact]
    public void Reading_an_unassigned_required_property_throws_instead_of_returning_null()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Contact().Email);

        Assert.Contains("'email'", error.Message);
    }

    [Fact]
    public void Enum_values_compare_by_wire_value()
    {
        LifecycleStage fromString = "lead";

        Assert.Equal(LifecycleStage.Lead, fromString);
        Assert.True(fromString == LifecycleStage.FromValue("lead"));
        Assert.NotEqual(LifecycleStage.Lead, LifecycleStage.Customer);
        Assert.Equal(string.Empty, default(LifecycleStage).Value);
    }

    [Theory]
    [InlineData("""{"type":"team","teamId":"t1","name":"EMEA"}""", "TeamOwner")]
    [InlineData("""{"type":"user","userId":"u1"}""", "UserOwner")]
    [InlineData("""{"type":"bot","teamId":"t9"}""", "TeamOwner")]
    public void A_discriminated_union_reads_the_alternative_its_discriminator_or_shape_names(string json, string expected)
    {
        var contact = JsonModel.Parse<Contact>(Minimal("\"owner\":" + json));

        Assert.Equal(expected, contact.Owner!.Value!.GetType().Name);
        Assert.Equal(Minimal("\"owner\":" + json), JsonModel.ToJson(contact));
    }

    [Fact]
    public void An_expandable_field_is_either_the_id_or_the_object()
    {
        var byId = JsonModel.Parse<Contact>(Minimal("\"source\":\"cmp_1\""));
        var expanded = JsonModel.Parse<Contact>(Minimal("\"source\":{\"id\":\"cmp_1\",\"name\":\"Spring\"}"));

        Assert.Equal("cmp_1", byId.Source!.String);
        Assert.Null(byId.Source.Campaign);
        Assert.Equal("Spring", expanded.Source!.Campaign!.Name);
        Assert.Null(expanded.Source.String);
    }

    [Fact]
    public void A_value_that_fits_no_alternative_is_kept_raw_and_written_back()
    {
        var contact = JsonModel.Parse<Contact>(Minimal("\"source\":[1,2,3]"));

        Assert.Null(contact.Source!.String);
        Assert.Null(contact.Source.Campaign);
        Assert.Equal(JsonValueKind.Array, contact.Source.Raw.ValueKind);
        Assert.Equal(Minimal("\"source\":[1,2,3]"), JsonModel.ToJson(contact));
    }

    [Fact]
    public void Assigning_an_alternative_replaces_the_other()
    {
        ContactSource source = "cmp_2";
        source.Campaign = new Campaign { Id = "cmp_3", Name = "Autumn" };

        Assert.Null(source.String);
        Assert.Equal("""{"id":"cmp_3","name":"Autumn"}""", JsonModel.ToJson(source));
    }

    private static string Minimal(string extra) =>
        "{\"id\":\"1\",\"email\":\"a@b.c\"," + extra + ",\"createdAt\":\"2024-05-01T10:00:00+00:00\",\"updatedAt\":\"2024-05-01T10:00:00+00:00\",\"archived\":false}";

    [Fact]
    public async Task Read_only_properties_are_kept_in_json_but_left_out_of_request_bodies()
    {
        var contact = JsonModel.Parse<Contact>(Minimal("\"firstName\":\"Ada\""));
        var request = new CrmSdkGen.Runtime.Http.ApiRequest(HttpMethod.Put, "/contacts/1");

        request.SetJsonBody(contact, ModelCodec<Contact>.Instance);
        var sent = await request.Content!.ReadAsStringAsync();

        Assert.Contains("\"createdAt\"", JsonModel.ToJson(contact));
        Assert.Equal("{\"email\":\"a@b.c\",\"firstName\":\"Ada\",\"archived\":false}", sent);
    }
}
