import CNcurses

/// Turns what ncurses reads into ``Key``s: its key codes (arrows, Page Up, modified keys
/// terminfo lists), plain characters (control characters among them), and the escape
/// sequences terminfo does not list for the terminal. Modifiers are ignored: Shift-Up is Up.
enum KeyDecoder {
    /// The key of an ncurses key code (`KEY_UP`, …), or nil for a key DeltaTrace has no use for.
    static func key(code: Int32) -> Key? {
        switch code {
        // Shifted keys (KEY_SR is Shift-Up, KEY_SF Shift-Down) count as the plain key.
        case KEY_UP, KEY_SR: return .up
        case KEY_DOWN, KEY_SF: return .down
        case KEY_LEFT, KEY_SLEFT: return .left
        case KEY_RIGHT, KEY_SRIGHT: return .right
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_PPAGE, KEY_SPREVIOUS: return .pageUp
        case KEY_NPAGE, KEY_SNEXT: return .pageDown
        case KEY_HOME, KEY_SHOME: return .home
        case KEY_END, KEY_SEND: return .end
        default:
            // Modified keys terminfo lists as extended capabilities (Ctrl-Up is "kUP5",
            // Alt-Home "kHOM3", Shift-PageDown "kNXT2") count as the plain key.
            guard let name = keyname(code).map({ String(cString: $0) }) else { return nil }
            let plain: [(String, Key)] = [("kUP", .up), ("kDN", .down), ("kLFT", .left), ("kRIT", .right),
                                          ("kHOM", .home), ("kEND", .end), ("kPRV", .pageUp), ("kNXT", .pageDown)]
            return plain.first { name.hasPrefix($0.0) && name.dropFirst($0.0.count).allSatisfy(\.isNumber) }?.1
        }
    }

    /// The key of a character ncurses read: Ctrl-C, Backspace, Tab, Enter, Escape, or a
    /// printable character (nil for other control characters).
    static func key(character value: UInt32) -> Key? {
        switch value {
        case 3: return .interrupt
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(value), !(0x80..<0xA0).contains(value) else { return nil }
            return .character(Character(scalar))
        }
    }


    /// The key of a CSI ("[") or SS3 ("O") sequence's body, ignoring modifiers.
    static func key(sequence introducer: UInt8, body: [UInt32]) -> Key? {
        guard let final = body.last, let finalScalar = Unicode.Scalar(final) else { return nil }
        switch Character(finalScalar) {
        case "A": return .up
        case "B": return .down
        case "C": return .right
        case "D": return .left
        case "H": return .home
        case "F": return .end
        case "Z": return .backTab
        case "M" where introducer == 0x4F: return .enter
        case "~":
            let digits = body.dropLast().prefix { (0x30...0x39).contains($0) }
            switch String(decoding: digits.map { UInt8($0) }, as: UTF8.self) {
            case "1", "7": return .home
            case "4", "8": return .end
            case "5": return .pageUp
            case "6": return .pageDown
            default: return nil
            }
        default: return nil
        }
    }
}
