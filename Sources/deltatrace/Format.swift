import ArgumentParser

/// Output formats.
enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}
