using Microsoft.AspNetCore.Components;

namespace Tracker.App.Live;

/// <summary>
/// A component that renders again for new parameters only when what it shows has changed. Every open page
/// reloads on each save and hands its children new parameter objects, most of them equal to the last (a
/// risk's title saved leaves the filters, the heat map and the other rows as they were); rendering them again
/// in every open register was most of what a save cost the server (bench/RESULTS.md, fan-out).
/// </summary>
/// <remarks>
/// Parameters whose <see cref="RenderKey"/> equals the last ones' are taken (the properties are set) and
/// nothing else happens: no <c>OnParametersSet</c>, no render. The component's own events (a panel opened, a
/// box typed in) render as usual.
/// </remarks>
public abstract class RendersOnChange : ComponentBase
{
    object? _shown;

    /// <summary>
    /// Everything the output depends on, as a value (a tuple or record of immutable values) that is equal for
    /// two parameter sets exactly when they would render the same.
    /// </summary>
    protected abstract object RenderKey();

    public override Task SetParametersAsync(ParameterView parameters)
    {
        if (_shown is not null)
        {
            parameters.SetParameterProperties(this);
            var key = RenderKey();
            if (Equals(key, _shown)) return Task.CompletedTask;
        }
        var setting = base.SetParametersAsync(parameters);
        _shown = RenderKey();
        return setting;
    }
}
