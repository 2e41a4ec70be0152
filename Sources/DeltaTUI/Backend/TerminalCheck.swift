import CNcurses
import Foundation

/// Questions to ask before opening a full screen: can one be drawn at all, in Unicode or
/// only ASCII, and with colour or without.
public enum TerminalCheck {
    /// Why a full screen is impossible here, as a sentence for the user, or nil when it is
    /// possible: standard input or output is not a terminal, `TERM` is unset or `dumb`, or
    /// terminfo does not know `TERM`.
    ///
    /// The terminal tests look at the process's real file descriptors 0 and 1; only `TERM`
    /// comes from `environment`.
    public static func problem(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if isatty(STDIN_FILENO) == 0 {
            return "standard input is not a terminal, so the full-screen interface cannot read keys"
        }
        if isatty(STDOUT_FILENO) == 0 {
            return "standard output is not a terminal (it is redirected), so the full-screen interface cannot draw"
        }
        guard let term = environment["TERM"], !term.isEmpty else {
            return "TERM is not set, so the terminal's capabilities are unknown"
        }
        if term == "dumb" {
            return "TERM is \"dumb\": this terminal cannot move the cursor or draw a screen"
        }
        if deltatui_terminfo_missing(term, STDOUT_FILENO) != 0 {
            return "the terminal type TERM=\(term) is not in the terminfo database"
        }
        return nil
    }

    /// Whether to draw ASCII stand-ins instead of Unicode (box drawing, Greek letters,
    /// subscripts): true when the user's character locale is not UTF-8.
    ///
    /// The locale is the first non-empty of `LC_ALL`, `LC_CTYPE` and `LANG` (POSIX order);
    /// none means the "C" locale, which is ASCII. When that locale is installed its real
    /// codeset decides (`nl_langinfo(CODESET)`); when it is not installed (a common sight in
    /// containers: `LANG=en_US.UTF-8` with only C.UTF-8 present) its name decides — the
    /// terminal is still told to speak UTF-8 by such a name, as tmux and others assume.
    ///
    /// The backend itself always runs ncurses with a UTF-8 `LC_CTYPE` when it can (the
    /// user's, else C.UTF-8), so that wide characters and multi-byte keys work; this answer
    /// only decides what is *drawn*, since the user's terminal may not show UTF-8.
    public static func prefersASCII(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard let name = localeName(environment) else { return true }
        var buffer = [CChar](repeating: 0, count: 64)
        if deltatui_codeset_of(name, &buffer, buffer.count) != 0 {
            let codeset = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return !isUTF8(codeset)
        }
        return !nameSaysUTF8(name)
    }

    /// Whether colour is turned off by the environment: `NO_COLOR` set to any non-empty
    /// value (https://no-color.org). Bold, dim, reverse and underline stay.
    public static func colorsDisabled(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if let value = environment["NO_COLOR"], !value.isEmpty { return true }
        return false
    }

    /// The locale name that decides LC_CTYPE, or nil for the default "C" locale.
    static func localeName(_ environment: [String: String]) -> String? {
        for key in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = environment[key], !value.isEmpty { return value }
        }
        return nil
    }

    static func isUTF8(_ codeset: String) -> Bool {
        let folded = codeset.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
        return folded == "utf8"
    }

    static func nameSaysUTF8(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }
}
