namespace CrmSdkGen.Runtime.Auth;

/// <summary>A secret configured for one security scheme. Its text never appears in ToString, logs or exceptions.</summary>
public abstract class ApiCredential
{
    private protected ApiCredential()
    {
    }

    /// <inheritdoc />
    public sealed override string ToString() => GetType().Name + " { *** }";
}
