// Exposes the entry point to WebApplicationFactory<Program> in the test projects.
public partial class Program;
