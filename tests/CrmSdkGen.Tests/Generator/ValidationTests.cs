using System.Reflection;
using CrmSdkGen.Runtime.Json;
using CrmSdkGen.Runtime.Validation;
using CrmSdkGen.Tests.Conformance;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Generator;

/// <summary>Generated validators check every schema rule, report JSON Pointer paths, run hooks and correctors, and cost nothing when valid.</summary>
public sealed class ValidationTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Validation, version: "1" }
        paths: {}
        components:
          schemas:
            Contact:
              type: object
              required: [email, name]
              maxProperties: 17
              properties:
                email: { type: string, format: email }
                name: { type: string, minLength: 2, maxLength: 5 }
                code: { type: string, pattern: '^[A-Z]{3}$' }
                age: { type: integer, format: int32, minimum: 18, maximum: 120 }
                score: { type: number, minimum: 0, exclusiveMinimum: true, maximum: 1, exclusiveMaximum: true }
                step: { type: integer, multipleOf: 5 }
                price: { type: number, format: decimal, multipleOf: 0.01 }
                tags: { type: array, minItems: 1, maxItems: 3, uniqueItems: true, items: { type: string, maxLength: 4 } }
                labels: { type: object, maxProperties: 2, additionalProperties: { type: string, minLength: 1 } }
                website: { type: string, format: uri }
                ip4: { type: string, format: ipv4 }
                ip6: { type: string, format: ipv6 }
                stage: { type: string, enum: [lead, customer] }
                password: { type: string, minLength: 8, writeOnly: true }
                address: { $ref: '#/components/schemas/Address' }
                phones: { type: array, items: { $ref: '#/components/schemas/Phone' } }
                nick: { type: string }
            Address:
              type: object
              required: [city]
              properties:
                city: { type: string, minLength: 1 }
                zip: { type: string, pattern: '^[0-9]{5}$' }
            Phone:
              type: object
              properties:
                number: { type: string, pattern: '^\+[0-9]+$' }
        """;

    // A company rule in the user's own part of the partial class.
    private const string CompanyRule = """
        namespace Test.Api.Models;

        public partial class Address
        {
            partial void ValidateCustom(global::CrmSdkGen.Runtime.Validation.ValidationContext context)
            {
                if (IsSet("city") && City == "Nowhere")
                {
                    context.Fail("city", "knownCity", City, "must be a city we deliver to");
                }
            }
        }
        """;

    private static readonly Lazy<Assembly> Generated = new(() =>
    {
        var result = GeneratedCompilation.GenerateText(Spec);
        Assert.Empty(result.Diagnostics);
        var compilation = GeneratedCompilation.Compile(result, CompanyRule);
        Assert.Empty(GeneratedCompilation.Problems(compilation));
        using var image = new MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        return System.Runtime.Loader.AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(image.ToArray()));
    });

    private const string ValidJson = """
        {"email":"ada@example.com","name":"Ada","code":"ABC","age":36,"score":0.5,"step":10,"price":12.34,"tags":["vip","new"],
         "labels":{"a":"x"},"website":"https://example.com/a","ip4":"192.168.0.1","ip6":"2001:db8::1","stage":"lead",
         "password":"correct horse","address":{"city":"London","zip":"12345"},"phones":[{"number":"+4420"}],"nick":"ada"}
        """;

    [Fact]
    public void A_valid_model_is_valid_and_validating_it_allocates_nothing()
    {
        var contact = Parse("Contact", ValidJson);
        Assert.Same(ValidationResult.Valid, contact.Validate());

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = contact.Validate();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_its_JSON_pointer()
    {
        const string json = """
            {"email":"not an email","name":"Ada","extra1":1,"extra2":2,"code":"abc","age":12,"score":1,"step":7,"price":1.005,"tags":["a","toolong","a","b"],
             "labels":{"a":"","b":"y","c":"z"},"website":"no scheme","ip4":"256.1.1.1","ip6":"2001:db8:::1","stage":"partner",
             "password":"short","address":{"city":"","zip":"1234"},"phones":[{"number":"+1"},{"number":"0044"}],"nick":null}
            """;

        var errors = Parse("Contact", json).Validate().Errors.Select(error => (error.Path, error.Rule)).ToHashSet();

        var expected = new HashSet<(string, string)>
        {
            (string.Empty, "maxProperties"), ("/email", "format"), ("/code", "pattern"), ("/age", "minimum"), ("/score", "exclusiveMaximum"),
            ("/step", "multipleOf"), ("/price", "multipleOf"), ("/tags", "maxItems"), ("/tags/2", "uniqueItems"), ("/tags/1", "maxLength"),
            ("/labels", "maxProperties"), ("/labels/a", "minLength"), ("/website", "format"), ("/ip4", "format"), ("/ip6", "format"),
            ("/stage", "enum"), ("/password", "minLength"), ("/address/city", "minLength"), ("/address/zip", "pattern"),
            ("/phones/1/number", "pattern"), ("/nick", "nullable"),
        };
        Assert.Equal(expected.OrderBy(pair => pair.Item1), errors.OrderBy(pair => pair.Item1));
    }

    [Fact]
    public void Required_properties_that_were_never_set_are_reported()
    {
        var contact = (ApiModel)Activator.CreateInstance(ModelType("Contact"))!;
        ModelType("Contact").GetProperty("Email")!.SetValue(contact, "a@b.example");

        var error = Assert.Single(contact.Validate().Errors);

        Assert.Equal(("/name", "required", "is required"), (error.Path, error.Rule, error.Message));
    }

    [Fact]
    public void Errors_carry_the_value_and_a_message_except_for_sensitive_properties()
    {
        var errors = Parse("Contact", """{"email":"a@b.example","name":"Adalbert","password":"short"}""").Validate().Errors;

        var name = Assert.Single(errors, error => error.Path == "/name");
        Assert.Equal("Adalbert", name.Value);
        Assert.Equal("must be at most 5 characters long, is 8", name.Message);
        Assert.Equal("***", Assert.Single(errors, error => error.Path == "/password").Value);
    }

    [Fact]
    public void The_partial_hook_adds_company_rules()
    {
        var errors = Parse("Contact", """{"email":"a@b.example","name":"Ada","address":{"city":"Nowhere"}}""").Validate().Errors;

        var error = Assert.Single(errors);
        Assert.Equal(("/address/city", "knownCity", "Nowhere"), (error.Path, error.Rule, error.Value));
    }

    [Fact]
    public void Registered_correctors_run_first_and_report_changes_then_registered_validators_add_rules()
    {
        var contactType = ModelType("Contact");
        var emailProperty = contactType.GetProperty("Email")!;
        var settings = new ValidationSettings()
            .AddCorrector<ApiModel>((model, context) =>
            {
                if (model.GetType() == contactType && emailProperty.GetValue(model) is string email && email != email.Trim().ToLowerInvariant())
                {
                    emailProperty.SetValue(model, email.Trim().ToLowerInvariant());
                    context.Corrected("email", "lowercase-email", email, email.Trim().ToLowerInvariant());
                }
            })
            .AddValidator<ApiModel>((model, context) =>
            {
                if (model.GetType() == contactType && emailProperty.GetValue(model) is string email && !email.EndsWith("@acme.example", StringComparison.Ordinal))
                {
                    context.Fail("email", "companyDomain", email, "must be an acme.example address");
                }
            });
        var contact = Parse("Contact", """{"email":"  Ada@Other.Example ","name":"Ada"}""");

        var result = contact.Validate(settings, correct: true);

        Assert.Equal("ada@other.example", emailProperty.GetValue(contact));
        var correction = Assert.Single(result.Corrections);
        Assert.Equal(("/email", "lowercase-email", "  Ada@Other.Example ", "ada@other.example"), (correction.Path, correction.Corrector, correction.Before, correction.After));
        Assert.Equal(("/email", "companyDomain"), (Assert.Single(result.Errors).Path, result.Errors[0].Rule));
    }

    [Fact]
    public void Unknown_enum_values_pass_when_the_settings_allow_them()
    {
        var contact = Parse("Contact", """{"email":"a@b.example","name":"Ada","stage":"partner"}""");

        Assert.Equal("enum", Assert.Single(contact.Validate().Errors).Rule);
        Assert.True(contact.Validate(new ValidationSettings { AllowUnknownEnumValues = true }).IsValid);
    }

    [Fact]
    public void A_pattern_NET_cannot_run_is_reported_once_at_its_place_even_where_allOf_repeats_it()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Patterns, version: "1" }
            paths: {}
            components:
              schemas:
                Base:
                  type: object
                  properties:
                    code: { type: string, pattern: '\p{IsNoSuchBlock}' }
                Narrowed:
                  allOf:
                    - $ref: '#/components/schemas/Base'
                    - required: [code]
            """;

        var result = GeneratedCompilation.GenerateText(spec);

        var finding = Assert.Single(result.Diagnostics);
        Assert.Equal("CSG0011", finding.Id);
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));
    }

    private static Type ModelType(string name) => Generated.Value.GetType("Test.Api.Models." + name, throwOnError: true)!;

    private static ApiModel Parse(string name, string json) =>
        (ApiModel)typeof(JsonModel).GetMethod(nameof(JsonModel.Parse), [typeof(string)])!.MakeGenericMethod(ModelType(name)).Invoke(null, [json])!;
}
