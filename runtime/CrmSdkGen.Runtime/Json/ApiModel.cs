using System.ComponentModel;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Json;

/// <summary>The base of a generated model whose undeclared properties may hold any JSON.</summary>
public abstract class ApiModel : ApiModel<JsonElement>
{
    /// <inheritdoc />
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected sealed override JsonCodec<JsonElement> AdditionalPropertyCodec => JsonCodecs.Element;
}
