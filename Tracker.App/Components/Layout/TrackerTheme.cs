using MudBlazor;

namespace Tracker.App.Components.Layout;

/// <summary>
/// The tracker's one theme. Text and controls meet WCAG 2.2 AA contrast (4.5:1) on white; the
/// success, warning and error colours are MudBlazor's defaults darkened until axe passes them.
/// System fonts: no web fonts are fetched (Arial is what council laptops and projector PCs have).
/// RAG and score colours are not here: they are CSS classes in css/tracker.css, chosen to differ in
/// lightness as well as hue, and always shown with the word and an icon.
/// </summary>
public static class TrackerTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d4f91",
            Secondary = "#4a4a4a",
            Tertiary = "#00703c",
            Info = "#0b5394",
            Success = "#2e7d32",
            Warning = "#a15c00",
            Error = "#c62828",
            AppbarBackground = "#12294d",
            AppbarText = "#ffffff",
            TextPrimary = "#0b0c0c",
            TextSecondary = "#505a5f",
            ActionDefault = "#505a5f",
            DrawerText = "#0b0c0c",
            DrawerIcon = "#505a5f",
            LinesDefault = "#b1b4b6",
            TableLines = "#b1b4b6",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Arial", "Liberation Sans", "Helvetica", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "220px" },
    };
}
