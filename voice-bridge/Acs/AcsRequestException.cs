using System.Net;

namespace ConversationHub.VoiceBridge.Acs;

/// <summary>ACS refused a request: its HTTP status and the <c>error</c> body's code and message.</summary>
public sealed class AcsRequestException : Exception
{
    /// <summary>
    /// Creates the exception. ACS's own message stays out of <see cref="Exception.Message"/>, which is logged: it can
    /// repeat the phone number it refused; read it from <see cref="ErrorMessage"/>.
    /// </summary>
    public AcsRequestException(HttpStatusCode statusCode, string? code, string? errorMessage)
        : base($"ACS answered {(int)statusCode}: {code ?? "(no code)"}")
    {
        StatusCode = statusCode;
        Code = code;
        ErrorMessage = errorMessage;
    }

    /// <summary>Creates an exception without details.</summary>
    public AcsRequestException() : this(HttpStatusCode.InternalServerError, null, null)
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public AcsRequestException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and cause.</summary>
    public AcsRequestException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>The HTTP status.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>ACS's error code (e.g. <c>8523</c> or <c>BadRequest</c>), when the body had one.</summary>
    public string? Code { get; }

    /// <summary>ACS's error message, when the body had one.</summary>
    public string? ErrorMessage { get; }
}
