using Microsoft.Extensions.Options;

namespace Grains.Runtime.Activation;

public sealed class GrainCollectionOptionsValidator : IValidateOptions<GrainCollectionOptions>
{
    public ValidateOptionsResult Validate(string? name, GrainCollectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.CollectionAge <= TimeSpan.Zero || options.CollectionQuantum <= TimeSpan.Zero || options.ActivationTimeout <= TimeSpan.Zero
            ? ValidateOptionsResult.Fail("GrainCollection:CollectionAge, CollectionQuantum and ActivationTimeout must be positive.")
            : ValidateOptionsResult.Success;
    }
}
