/// A key the user pressed.
public enum Key: Sendable, Hashable {
    /// A printable character (a letter, digit, space, punctuation).
    case character(Character)
    /// An arrow key.
    case up, down, left, right
    /// Enter, Escape, Backspace, Tab and Shift-Tab.
    case enter, escape, backspace, tab, backTab
    /// Page Up, Page Down, Home and End.
    case pageUp, pageDown, home, end
    /// Ctrl-C (delivered as a key once the backend has taken SIGINT over).
    case interrupt
}
