namespace CrmSdkGen.Tool.Metadata;

/// <summary>A metadata answer that is not of the shape its CRM gives.</summary>
internal sealed class MetadataException(string message) : Exception(message);
