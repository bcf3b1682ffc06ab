namespace Grains.Shop.Storage;

/// <summary>The grain storage provider the shop's grains keep their state in; the silo registers it under this name.</summary>
public static class ShopStorage
{
    public const string Name = "shop";
}
