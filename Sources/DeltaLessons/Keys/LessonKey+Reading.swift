import DeltaText

extension LessonKey {
    /// The declared keys of a section, in reading order.
    public static func keys(in section: Section) -> [LessonKey] {
        all.filter { $0.section == section }
    }

    /// The sections whose keys a variant, `compare --vary` and `run`'s options may change.
    static let changeable: [Section] = [.network, .initialization, .train]

    /// The keys a variant, `compare --vary` and `run`'s options may change: those of the
    /// changeable sections, and the keys of `data` that settings hold (`standardize`).
    static let changeableKeys: [LessonKey] = all.filter { changeable.contains($0.section) || $0.read != nil }

    /// The bare names that more than one changeable key has (`seed`): a change must name
    /// them with their section.
    static let ambiguousNames: [String] = {
        let names = changeableKeys.map(\.name)
        return names.enumerated().filter { k, name in names.firstIndex(of: name) != k }.map(\.element)
    }()

    /// The key a change names: by its path (`train.seed`), or by its bare name where only one
    /// changeable section declares it (`eta`, `cost`). Nil for an unknown or ambiguous name.
    public static func named(_ name: String) -> LessonKey? {
        let keys = changeableKeys
        if let key = keys.first(where: { $0.path == name }) { return key }
        let bare = keys.filter { $0.name == name }
        return bare.count == 1 ? bare[0] : nil
    }

    /// Reads one section of a lesson (`network:`, `init:`, `train:`) into settings: a key the
    /// section does not declare is refused with a did-you-mean, each key written is read in
    /// declaration order, and a required key that is missing is an error at the section.
    static func read(_ section: Section, from node: YAMLNode, into s: inout Settings) throws {
        let keys = keys(in: section)
        let mapping = try node.mapping("`\(section.rawValue)`", allowed: keys.map(\.name))
        try read(keys.compactMap { key in mapping[key.name].map { (key, $0) } }, into: &s)
        for key in keys where !mapping.has(key.name) {
            if case .required(let hint) = key.default {
                throw mapping.node.error("`\(section.rawValue)` needs `\(key.name)`", hint: hint)
            }
        }
    }

    /// Gives the lesson's own settings the defaults that derive from other keys (`init.seed`
    /// from `train.seed`), for the keys the lesson does not write. Called once every section
    /// has been read, before the variants copy the settings.
    static func deriveDefaults(_ s: inout Settings) {
        for key in all where s.locations[key.path] == nil {
            key.derive?(&s)
        }
    }

    /// Reads the changes of a variant or of the command line: a mapping whose keys name keys of
    /// `network`, `init` and `train` by path or bare name (``named(_:)``), read into settings
    /// in declaration order.
    ///
    /// - Parameters:
    ///   - what: how messages name the mapping: "a variant".
    ///   - besides: other keys the mapping may hold, which the caller reads (a variant's `name`).
    /// - Returns: the mapping, for the caller's own keys.
    /// - Throws: ``LessonError`` at an unknown key (with a did-you-mean), at a bare name that
    ///   two sections declare (`seed`), at a key named twice (`cost` and `network.cost`), or at
    ///   a value that cannot be used.
    @discardableResult
    static func readChanges(_ node: YAMLNode, what: String, besides: [String] = [], into s: inout Settings) throws -> YAMLMapping {
        let keys = changeableKeys
        let bare = keys.map(\.name).filter { !ambiguousNames.contains($0) }
        let allowed = besides + bare + keys.map(\.path) + ambiguousNames
        let listed = Suggestion.listing(besides + bare + keys.filter { ambiguousNames.contains($0.name) }.map(\.path))
            + " (any key may also be written with its section, e.g. `network.cost`)"
        let mapping = try node.mapping(what, allowed: allowed, listed: listed)
        var values: [(LessonKey, YAMLNode)] = []
        var namedAs: [String: String] = [:]
        for (name, keyNode, value) in mapping.entries where !besides.contains(name) {
            guard let key = named(name) else {
                let paths = keys.filter { $0.name == name }.map(\.path)
                throw keyNode.error("`\(name)` is ambiguous in \(what): \(Suggestion.listing(paths.map { "`\($0)`" }, conjunction: "and")) are different keys",
                                    hint: ambiguityHint(name, paths: paths))
            }
            if let earlier = namedAs[key.path] {
                throw keyNode.error("`\(name)` and `\(earlier)` in \(what) are the same key, `\(key.path)`", hint: "keep one of them")
            }
            namedAs[key.path] = name
            values.append((key, value))
        }
        try read(values, into: &s)
        return mapping
    }

    /// How to write a bare name that two sections declare.
    static func ambiguityHint(_ name: String, paths: [String]) -> String {
        if name == "seed" { return "write `train.seed` (shuffles, dropout) or `init.seed` (initial weights)" }
        return "write \(Suggestion.listing(paths.map { "`\($0)`" }))"
    }

    /// Reads values of keys into settings in declaration order (so a key may build on one
    /// declared before it), noting where each was written.
    static func read(_ values: [(key: LessonKey, value: YAMLNode)], into s: inout Settings) throws {
        for key in all {
            for (written, value) in values where written.path == key.path {
                s.locations[key.path] = value.location
                try key.read?(value, &s)
            }
        }
    }
}
