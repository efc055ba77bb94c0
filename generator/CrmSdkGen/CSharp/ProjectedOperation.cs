using CrmSdkGen.CSharp.TemplateModels;
using CrmSdkGen.Model;

namespace CrmSdkGen.CSharp;

/// <summary>An operation with the C# method projected for it and the root client property of its group.</summary>
internal sealed record ProjectedOperation(ApiOperation Operation, OperationTemplateModel Model, string GroupProperty);
