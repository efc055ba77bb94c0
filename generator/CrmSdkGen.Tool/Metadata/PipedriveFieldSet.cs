namespace CrmSdkGen.Tool.Metadata;

/// <summary>The fields a Pipedrive fields answer lists, and where its API version puts them.</summary>
/// <param name="InCustomFieldsObject">Whether the fields are members of the record's <c>custom_fields</c> object (API v2), not of the record (v1).</param>
/// <param name="Fields">The fields, keyed by their hashes.</param>
internal sealed record PipedriveFieldSet(bool InCustomFieldsObject, IReadOnlyList<CustomField> Fields);
