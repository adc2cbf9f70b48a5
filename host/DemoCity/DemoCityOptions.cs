namespace ConversationHub.Host.DemoCity;

/// <summary>The <c>DemoCity</c> section: seeding of the fictional city on an empty database.</summary>
internal sealed class DemoCityOptions
{
    public const string SectionName = "DemoCity";

    /// <summary>Seed the demo city when the database has no departments.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Password of every demo account. When empty, a random one is generated on first start and written to
    /// <see cref="PasswordFile"/> (readable by the owner only).
    /// </summary>
    public string? Password { get; set; }

    /// <summary>
    /// A Base32 authenticator key (RFC 6238) to enrol the demo <c>admin</c> with when the account is created, so that a
    /// scripted sign-in (the tests) can compute its codes. Empty (the default): the demo administrator enrols an app at
    /// the first sign-in, as two-factor sign-in is required of administrators. Set it only where the demo password is
    /// also known, never on a city's installation.
    /// </summary>
    public string? AdminAuthenticatorKey { get; set; }

    /// <summary>Where a generated demo password is kept.</summary>
    public string PasswordFile { get; set; } = "data/demo-password.txt";

    /// <summary>
    /// Extra operator accounts <c>load-operator-001</c> … for load runs (<c>handoff load</c> sets it); 0 in a normal demo.
    /// They share the demo password.
    /// </summary>
    public int LoadOperators { get; set; }

    /// <summary>
    /// Load the demo's postal code data (the npm package jquery-jpostal-ja, fetched at build time) in the background on
    /// first start when no dataset is stored and <c>Postal:Source</c> is not set. Tests turn it off.
    /// </summary>
    public bool LoadPostalCodes { get; set; } = true;
}
