import ArgumentParser

/// Output formats.
enum Format: String, ExpressibleByArgument, CaseIterable {
    /// Aligned columns for people; JSON Lines; comma-separated values.
    case table, json, csv
}
