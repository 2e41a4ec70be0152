import DeltaText
import Yams

/// A YAML mapping whose keys have been checked: each known, none repeated.
struct YAMLMapping {
    /// The mapping's node, for errors about the mapping as a whole.
    let node: YAMLNode
    /// How messages name it: "`train`", "a variant".
    let what: String
    private(set) var entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []

    /// Checks the keys of a mapping; `listed` is how hints list the allowed keys.
    init(node: YAMLNode, mapping: Node.Mapping, what: String, allowed: [String], listed: String) throws {
        self.node = node
        self.what = what
        for (key, value) in mapping {
            let keyNode = YAMLNode(node: key, file: node.file)
            guard case .scalar(let k) = key else {
                throw keyNode.error("a key of \(what) must be a name, not \(keyNode.described)")
            }
            let name = k.string
            if let first = entries.first(where: { $0.key == name }) {
                throw keyNode.error("`\(name)` appears twice in \(what)",
                                    hint: "the first is at line \(first.keyNode.location.line); keep one of them")
            }
            guard allowed.contains(name) else {
                let guess = Suggestion.didYouMean(name, among: allowed)
                throw keyNode.error("unknown key `\(name)` in \(what)", hint: "\(guess)allowed keys: \(listed)")
            }
            entries.append((name, keyNode, YAMLNode(node: value, file: node.file)))
        }
    }

    /// The value of a key, if present.
    subscript(key: String) -> YAMLNode? {
        entries.first { $0.key == key }?.value
    }

    /// Whether the key is present.
    func has(_ key: String) -> Bool { self[key] != nil }

    /// The value of a key that must be present.
    func require(_ key: String, hint: String? = nil) throws -> YAMLNode {
        guard let value = self[key] else {
            throw node.error("\(what) needs `\(key)`", hint: hint)
        }
        return value
    }

    /// The node of a key, for errors about the key itself.
    func keyNode(_ key: String) -> YAMLNode? {
        entries.first { $0.key == key }?.keyNode
    }
}
