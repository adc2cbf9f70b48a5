namespace ConversationHub.Core.Programs;

/// <summary>
/// One kind of personal data a program (施策, issue 19) holds, in the tables of the module that implements it: its
/// roster, its form entries, the personal fields of its cases, its transcripts, its call records. When the program's
/// data is disposed of (廃棄), every registered part deletes or anonymises its rows of the program, so core and the
/// disposal never reference the modules. Counts of contacts (contact events, roll-ups) are not personal data and stay.
/// </summary>
public interface IProgramDataPart
{
    /// <summary>A short stable name of the kind of data, such as <c>transcripts</c>; it names the row in the disposal record.</summary>
    string Kind { get; }

    /// <summary>How many rows of the program still hold personal data of this kind; 0 after disposal.</summary>
    Task<long> CountAsync(Guid programId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes or anonymises every row of the program that holds personal data of this kind and returns how many.
    /// Safe to run again (after a crash, or on two nodes at once): rows already handled are not counted again.
    /// </summary>
    Task<long> DisposeAsync(Guid programId, CancellationToken cancellationToken);
}
