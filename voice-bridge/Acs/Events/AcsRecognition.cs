namespace ConversationHub.VoiceBridge.Acs.Events;

/// <summary>What RecognizeCompleted heard.</summary>
/// <param name="RecognitionType"><c>dtmf</c>, <c>speech</c> or <c>choices</c>.</param>
/// <param name="Tones">The DTMF tones (<c>one</c>, <c>pound</c>…), empty otherwise (from <c>dtmfResult</c> or the older <c>collectTonesResult</c>).</param>
/// <param name="SpeechText">The recognized speech (citizen text: never log it).</param>
/// <param name="Confidence">The speech or choice confidence, 0–1.</param>
/// <param name="ChoiceLabel">The chosen choice's label.</param>
/// <param name="RecognizedPhrase">The phrase that selected the choice.</param>
public sealed record AcsRecognition(string RecognitionType, IReadOnlyList<string> Tones, string? SpeechText, double? Confidence, string? ChoiceLabel, string? RecognizedPhrase);
