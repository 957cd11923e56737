/// What an entry on the asset register is: property and rights, or obligations that follow them.
public enum AssetKind: String, PayloadEnumeration {
    case asset
    case lease
    case liability
    case claim
}
