using System.Text.Json.Serialization;

namespace ConversationHub.VoiceBridge.Acs.Wire;

/// <summary>What to play: a file, text or SSML (<c>PlaySource</c>).</summary>
public sealed record PlaySource
{
    /// <summary><c>file</c>, <c>text</c> or <c>ssml</c>.</summary>
    [JsonPropertyName("kind")] public required string Kind { get; init; }

    /// <summary>The file, when <see cref="Kind"/> is <c>file</c>.</summary>
    [JsonPropertyName("file")] public FileSource? File { get; init; }

    /// <summary>The text, when <see cref="Kind"/> is <c>text</c>.</summary>
    [JsonPropertyName("text")] public TextSource? Text { get; init; }

    /// <summary>The SSML, when <see cref="Kind"/> is <c>ssml</c>.</summary>
    [JsonPropertyName("ssml")] public SsmlSource? Ssml { get; init; }

    /// <summary>Japanese text-to-speech with the given neural voice.</summary>
    public static PlaySource JapaneseText(string text, string voiceName) =>
        new() { Kind = "text", Text = new TextSource { Text = text, SourceLocale = "ja-JP", VoiceName = voiceName } };

    /// <summary>SSML (its own <c>voice</c> element chooses the voice).</summary>
    public static PlaySource FromSsml(string ssml) => new() { Kind = "ssml", Ssml = new SsmlSource { SsmlText = ssml } };

    /// <summary>A publicly reachable WAV (mono 16-bit PCM 16 kHz).</summary>
    public static PlaySource FromFile(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return new() { Kind = "file", File = new FileSource { Uri = uri.AbsoluteUri } };
    }
}

/// <summary>A file to play.</summary>
public sealed record FileSource
{
    /// <summary>The file's public URL.</summary>
    [JsonPropertyName("uri")] public required string Uri { get; init; }
}

/// <summary>Text to speak.</summary>
public sealed record TextSource
{
    /// <summary>The text.</summary>
    [JsonPropertyName("text")] public required string Text { get; init; }

    /// <summary>e.g. <c>ja-JP</c>.</summary>
    [JsonPropertyName("sourceLocale")] public string? SourceLocale { get; init; }

    /// <summary>e.g. <c>ja-JP-NanamiNeural</c>.</summary>
    [JsonPropertyName("voiceName")] public string? VoiceName { get; init; }
}

/// <summary>SSML to speak.</summary>
public sealed record SsmlSource
{
    /// <summary>The SSML document.</summary>
    [JsonPropertyName("ssmlText")] public required string SsmlText { get; init; }
}

/// <summary>Plays audio (<c>PlayRequest</c>).</summary>
public sealed record PlayRequest
{
    /// <summary>What to play, in order.</summary>
    [JsonPropertyName("playSources")] public required IReadOnlyList<PlaySource> PlaySources { get; init; }

    /// <summary>To whom; empty plays to everyone.</summary>
    [JsonPropertyName("playTo")] public IReadOnlyList<CommunicationIdentifierModel>? PlayTo { get; init; }

    /// <summary>Whether this play barges into queued or running media operations.</summary>
    [JsonPropertyName("interruptCallMediaOperation")] public bool? InterruptCallMediaOperation { get; init; }

    /// <summary>Echoed in PlayCompleted / PlayFailed / PlayCanceled.</summary>
    [JsonPropertyName("operationContext")] public string? OperationContext { get; init; }
}

/// <summary>Collects DTMF, speech or a choice (<c>RecognizeRequest</c>).</summary>
public sealed record RecognizeRequest
{
    /// <summary><c>dtmf</c>, <c>speech</c>, <c>speechOrDtmf</c> or <c>choices</c>.</summary>
    [JsonPropertyName("recognizeInputType")] public required string RecognizeInputType { get; init; }

    /// <summary>The prompt played while listening.</summary>
    [JsonPropertyName("playPrompt")] public PlaySource? PlayPrompt { get; init; }

    /// <summary>Whether this barges into queued or running media operations.</summary>
    [JsonPropertyName("interruptCallMediaOperation")] public bool? InterruptCallMediaOperation { get; init; }

    /// <summary>How to listen.</summary>
    [JsonPropertyName("recognizeOptions")] public required RecognizeOptions RecognizeOptions { get; init; }

    /// <summary>Echoed in RecognizeCompleted / RecognizeFailed / RecognizeCanceled.</summary>
    [JsonPropertyName("operationContext")] public string? OperationContext { get; init; }
}

/// <summary>How to listen (<c>RecognizeOptions</c>).</summary>
public sealed record RecognizeOptions
{
    /// <summary>Whose input: the caller.</summary>
    [JsonPropertyName("targetParticipant")] public required CommunicationIdentifierModel TargetParticipant { get; init; }

    /// <summary>Whether input stops the prompt.</summary>
    [JsonPropertyName("interruptPrompt")] public bool? InterruptPrompt { get; init; }

    /// <summary>Seconds to wait for the first input (0–300).</summary>
    [JsonPropertyName("initialSilenceTimeoutInSeconds")] public int? InitialSilenceTimeoutInSeconds { get; init; }

    /// <summary>e.g. <c>ja-JP</c> (ACS defaults to en-US).</summary>
    [JsonPropertyName("speechLanguage")] public string? SpeechLanguage { get; init; }

    /// <summary>DTMF collection.</summary>
    [JsonPropertyName("dtmfOptions")] public DtmfOptions? DtmfOptions { get; init; }

    /// <summary>The choices (for <c>choices</c>).</summary>
    [JsonPropertyName("choices")] public IReadOnlyList<RecognitionChoice>? Choices { get; init; }

    /// <summary>Speech end detection (for <c>speech</c>).</summary>
    [JsonPropertyName("speechOptions")] public SpeechOptions? SpeechOptions { get; init; }
}

/// <summary>DTMF collection (<c>DtmfOptions</c>).</summary>
public sealed record DtmfOptions
{
    /// <summary>Seconds between tones before recognition ends (1–60).</summary>
    [JsonPropertyName("interToneTimeoutInSeconds")] public int? InterToneTimeoutInSeconds { get; init; }

    /// <summary>How many tones to collect.</summary>
    [JsonPropertyName("maxTonesToCollect")] public int? MaxTonesToCollect { get; init; }

    /// <summary>Tones that end recognition: <c>zero</c>…<c>nine</c>, <c>pound</c>, <c>asterisk</c>, <c>a</c>…<c>d</c>.</summary>
    [JsonPropertyName("stopTones")] public IReadOnlyList<string>? StopTones { get; init; }
}

/// <summary>One choice (<c>Choice</c>).</summary>
public sealed record RecognitionChoice
{
    /// <summary>Our label, echoed in the result.</summary>
    [JsonPropertyName("label")] public required string Label { get; init; }

    /// <summary>Phrases that select it.</summary>
    [JsonPropertyName("phrases")] public required IReadOnlyList<string> Phrases { get; init; }

    /// <summary>A key that selects it.</summary>
    [JsonPropertyName("tone")] public string? Tone { get; init; }
}

/// <summary>Speech end detection (<c>SpeechOptions</c>).</summary>
public sealed record SpeechOptions
{
    /// <summary>Milliseconds of silence that end an utterance.</summary>
    [JsonPropertyName("endSilenceTimeoutInMs")] public long? EndSilenceTimeoutInMs { get; init; }
}
