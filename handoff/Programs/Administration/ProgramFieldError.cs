namespace ConversationHub.Handoff.Programs.Administration;

/// <summary>What is wrong with one field of the program editor (<paramref name="Field"/> is the form's property name).</summary>
internal sealed record ProgramFieldError(string Field, string Message);
