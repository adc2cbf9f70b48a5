namespace ConversationHub.Core.Programs;

/// <summary>
/// Finds the program (施策) an entry belongs to, for the modules that take contacts but must not depend on the handoff
/// module, where programs live: the web chat and LINE (bot) and the phone (voice bridge). The handoff module registers
/// the real directory; without it (<see cref="NoProgramDirectory"/>) no entry belongs to a program.
/// </summary>
public interface IProgramDirectory
{
    /// <summary>The program by id, or null.</summary>
    Task<ProgramEntry?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The program of a web chat entry's code (<c>?program=mynumber</c>, exact and lowercase), or null.</summary>
    Task<ProgramEntry?> FindByCodeAsync(string code, CancellationToken cancellationToken);

    /// <summary>The program whose LINE keyword is <paramref name="text"/> (trimmed, case and width ignored), or null.</summary>
    Task<ProgramEntry?> FindByLineKeywordAsync(string text, CancellationToken cancellationToken);

    /// <summary>The program that owns the E.164 number <paramref name="phoneNumber"/> (the number called), or null.</summary>
    Task<ProgramEntry?> FindByPhoneNumberAsync(string phoneNumber, CancellationToken cancellationToken);
}

/// <summary>The directory of a platform without the handoff module: no entry belongs to a program.</summary>
public sealed class NoProgramDirectory : IProgramDirectory
{
    /// <inheritdoc />
    public Task<ProgramEntry?> FindAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult<ProgramEntry?>(null);

    /// <inheritdoc />
    public Task<ProgramEntry?> FindByCodeAsync(string code, CancellationToken cancellationToken) => Task.FromResult<ProgramEntry?>(null);

    /// <inheritdoc />
    public Task<ProgramEntry?> FindByLineKeywordAsync(string text, CancellationToken cancellationToken) => Task.FromResult<ProgramEntry?>(null);

    /// <inheritdoc />
    public Task<ProgramEntry?> FindByPhoneNumberAsync(string phoneNumber, CancellationToken cancellationToken) => Task.FromResult<ProgramEntry?>(null);
}
