namespace CrmSdkGen.Runtime.Validation;

/// <summary>A generated model or union that checks itself against its schema.</summary>
public interface IValidatable
{
    /// <summary>Checks this value and everything in it, adding what is wrong to <paramref name="context"/>.</summary>
    void ValidateInto(ValidationContext context);
}
