namespace ConversationHub.Core.Programs;

/// <summary>
/// A program's texts in one language other than Japanese, as an administrator entered them
/// (<c>/console/programs/texts</c>). A null or empty text has no translation: the citizen sees the Japanese with a note.
/// </summary>
/// <param name="Language">The language (<c>en</c>, <c>zh</c>, <c>ko</c>).</param>
/// <param name="Name">The program's name.</param>
/// <param name="EndMessage">What its entries say after the end of service.</param>
/// <param name="AfterEndGuidance">Where to go instead after the end of service.</param>
/// <param name="WhatToBring">持ち物: what to bring to a reservation.</param>
public sealed record ProgramTranslation(string Language, string? Name, string? EndMessage, string? AfterEndGuidance, string? WhatToBring);

/// <summary>One of a program's texts in the citizen's language, or the Japanese when it has no translation.</summary>
/// <param name="Text">What to show.</param>
/// <param name="Translated">False when <paramref name="Text"/> is the Japanese because no translation was entered.</param>
public readonly record struct LocalizedProgramText(string Text, bool Translated);
