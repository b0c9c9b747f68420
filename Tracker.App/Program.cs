using Tracker.App.Hosting;

BufferPool.SizeForManyTabs(); // before anything rents from the shared pool
var builder = WebApplication.CreateBuilder(args);
builder.AddTracker();

var app = builder.Build();
if (await app.RunCommandLineAsync(args)) return;
await app.PrepareDatabaseAsync();
app.MapTracker();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
