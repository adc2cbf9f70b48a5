using ConversationHub.VoiceBridge.Acs;

namespace ConversationHub.Host.Tests.Voice;

/// <summary>Event Grid deliveries in both schemas, read from Azure's stored examples (by path, never copied).</summary>
public sealed class AcsEventGridReaderTests
{
    private static string Example(string schema) =>
        Path.Combine(AcsOpenApiSchemas.ContractsRoot, "eventgrid", "Microsoft.Communication", "stable", "2018-01-01", "examples", schema, "incoming_call.json");

    [Theory]
    [InlineData("event-grid-schema", null)]
    [InlineData("event-grid-schema", "Notification")]
    [InlineData("cloud-events-schema", null)]
    public void Read_StoredIncomingCallExample_GivesTheCall(string schema, string? aegEventType)
    {
        // Arrange
        var body = BinaryData.FromBytes(File.ReadAllBytes(Example(schema)));

        // Act
        var message = AcsEventGridReader.Read(body, aegEventType);

        // Assert
        Assert.Null(message.ValidationCode);
        var call = Assert.Single(message.IncomingCalls);
        Assert.Equal("e80026e7-e298-46ba-bc42-dab0eda92581", call.EventId);
        Assert.Equal("{incoming-call-contextValue}", call.IncomingCallContext);
        Assert.Equal("{server-call-id}", call.ServerCallId);
        Assert.Equal("correlationId", call.CorrelationId);
        Assert.Equal("VOIP Caller", call.CallerDisplayName);
        Assert.Equal("{recipient-id}", call.To?.CommunicationUser?.Id);
        Assert.Equal("communicationUser", call.From?.Kind);
        Assert.Equal("{caller-id}", call.From?.RawId);
    }

    [Fact]
    public void Read_PhoneNumberCall_GivesBothNumbers()
    {
        var body = BinaryData.FromString("""
            [{"id":"7d5c0f0e-1111-4c2a-9a3e-000000000001","topic":"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Communication/CommunicationServices/acs",
              "subject":"/phonenumber/81501234567","eventType":"Microsoft.Communication.IncomingCall","eventTime":"2025-06-01T01:00:00Z","dataVersion":"1.0","metadataVersion":"1",
              "data":{"to":{"kind":"phoneNumber","rawId":"4:+81501234567","phoneNumber":{"value":"+81501234567"}},
                      "from":{"kind":"phoneNumber","rawId":"4:+819011112222","phoneNumber":{"value":"+819011112222"}},
                      "serverCallId":"s1","callerDisplayName":"","incomingCallContext":"ctx","correlationId":"c1"}}]
            """);
        var call = Assert.Single(AcsEventGridReader.Read(body, "Notification").IncomingCalls);
        Assert.Equal("+81501234567", call.To?.PhoneNumber?.Value);
        Assert.Equal("+819011112222", call.From?.PhoneNumber?.Value);
        Assert.Equal("phoneNumber", call.From?.Kind);
    }

    [Fact]
    public void Read_SubscriptionValidation_GivesTheCode()
    {
        var body = BinaryData.FromString("""
            [{"id":"2d1781af-3a4c-4d7c-bd0c-e34b19da4e66","topic":"/subscriptions/x","subject":"","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6","validationUrl":"https://rp-eastus2.eventgrid.azure.net/x"},
              "eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2025-06-01T01:00:00Z","metadataVersion":"1","dataVersion":"1"}]
            """);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", AcsEventGridReader.Read(body, "SubscriptionValidation").ValidationCode);
    }

    [Fact]
    public void Read_NotJson_IsAFormatError() =>
        Assert.Throws<FormatException>(() => AcsEventGridReader.Read(BinaryData.FromString("<html/>"), null));
}
