namespace CrmSdkGen.Testing.Fakes;

/// <summary>What an operation does to the records of a stateful fake.</summary>
internal enum RecordKind
{
    None,
    Create,
    Read,
    List,
    Update,
    Replace,
    Delete,
    BatchCreate,
    BatchRead,
    BatchUpdate,
    BatchDelete,
}
