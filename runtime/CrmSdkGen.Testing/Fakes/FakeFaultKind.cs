namespace CrmSdkGen.Testing.Fakes;

internal enum FakeFaultKind
{
    Status,
    Timeout,
    Reset,
}
