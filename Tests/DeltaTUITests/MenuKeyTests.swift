import DeltaCore
import DeltaLessons
import Testing
@testable import DeltaTUI

/// The variant and breakpoint menus say the keys they take: their hint lines are made from
/// the same tables (``KeyBinding/variantMenu(choices:)``, ``KeyBinding/breakpointMenu(conditions:positions:)``,
/// ``KeyBinding/typingPosition``) that their keys are looked up in.
@Suite struct MenuKeyTests {
    /// A lesson of one neuron with `count` variants (v1 … vN), each a different η.
    func lessonWithVariants(_ count: Int) throws -> Lesson {
        try inlineLesson("""
            title: Many variants
            summary: More than nine ways to run.
            network: {layers: [1, 1], output: sigmoid, cost: quadratic}
            init: {weights: [[[0.5]]], biases: [[0.2]]}
            data: {inputs: [[1.5]], targets: [[1.0]]}
            train: {eta: 1.0, epochs: 3}
            variants:
            \((1...count).map { "  - {name: v\($0), eta: 0.\($0)}" }.joined(separator: "\n"))
            """)
    }

    @Test func theHintsAreMadeFromTheMenusKeys() {
        #expect(KeyBinding.hint(KeyBinding.variantMenu(choices: 5)) == "↑/↓ choose · Enter/→ or 1–5 open")
        #expect(KeyBinding.hint(KeyBinding.variantMenu(choices: 12)) == "↑/↓ choose · Enter/→ or 1–9 open")
        #expect(KeyBinding.hint(KeyBinding.breakpointMenu(conditions: 3, positions: 0)) == "1–3 toggle · a add a position")
        #expect(KeyBinding.hint(KeyBinding.breakpointMenu(conditions: 3, positions: 1)) == "1–3 toggle · 4 remove · a add a position")
        #expect(KeyBinding.hint(KeyBinding.breakpointMenu(conditions: 3, positions: 6)) == "1–3 toggle · 4–9 remove · a add a position")
        #expect(KeyBinding.hint(KeyBinding.typingPosition) == "Enter adds · Esc cancels")
        // The keys the variant menu opens with are its table's: ↑ k ↓ j, Enter →, 1 … 5.
        let keys = KeyBinding.variantMenu(choices: 5)
        #expect(KeyBinding.action(for: .right, in: keys) == .openHighlightedChoice)
        #expect(KeyBinding.action(for: .character("5"), in: keys) == .openNumberedChoice)
        #expect(KeyBinding.action(for: .character("6"), in: keys) == nil && KeyBinding.action(for: .character("0"), in: keys) == nil)
    }

    @Test func theVariantMenuSaysWhatItsKeysDoAndDoesIt() throws {
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"))
        app.tap(.escape, .character("v"))
        let menu = screen(app)
        #expect(menu.contains("↑/↓ choose · Enter/→ or 1–5 open · any other key closes"))
        #expect(menu.contains("5  compare all side by side"))
        // → opens the highlighted choice, as the hint says.
        app.tap(.down, .right)
        #expect(app.control.variantMenu == nil && app.panes.map(\.identity) == [.variant("gentle-start")])
        // A digit with no choice closes the menu, like any other key, and opens nothing.
        for digit: Character in ["6", "9", "0"] {
            app.tap(.character("v"))
            #expect(app.control.variantMenu != nil)
            app.tap(.character(digit))
            #expect(app.control.variantMenu == nil && app.panes.map(\.identity) == [.variant("gentle-start")], "\(digit)")
        }
    }

    @Test func pastNineChoicesOnlyTheFirstNineHaveDigits() throws {
        var app = try TraceApp(lesson: try lessonWithVariants(9))
        app.tap(.character("v"))
        // The lesson, v1 … v9 and all side by side: eleven choices.
        #expect(app.variantChoices.count == 11)
        let menu = screen(app, width: 80, height: 48)
        #expect(menu.contains("↑/↓ choose · Enter/→ or 1–9 open · any other key closes"))
        #expect(menu.contains("9  v8") && menu.contains("   v9") && !menu.contains("10  v9"))
        #expect(menu.contains("   compare all side by side") && !menu.contains("11  compare"))
        // The tenth is opened with the arrows.
        app.tap(.down, .down, .down, .down, .down, .down, .down, .down, .down, .enter)
        #expect(app.panes.map(\.identity) == [.variant("v9")])
        app.tap(.character("v"), .character("9"))
        #expect(app.panes.map(\.identity) == [.variant("v8")])
    }

    @Test func theBreakpointMenuSaysWhatItsKeysDo() throws {
        var app = try TraceApp(lesson: try quietLesson(epochs: 30))
        app.tap(.character("b"))
        #expect(screen(app).contains("1–3 toggle · a add a position · any other key closes"))
        app.tap(.character("a"))
        let typing = screen(app)
        #expect(typing.contains("step as for g: 12 (an epoch)") && typing.contains("Enter adds · Esc cancels"))
        // While typing, digits and letters are typed: the menu's keys are not offered.
        #expect(!typing.contains("toggle") && !typing.contains("a add a position") && !typing.contains("any other key closes"))
        app.type("12")
        app.tap(.enter)
        #expect(screen(app).contains("1–3 toggle · 4 remove · a add a position · any other key closes"))
        // Up to six positions: then adding is not offered, and `a` says why.
        for epoch in 13...17 {
            app.tap(.character("a"))
            app.type("\(epoch)")
            app.tap(.enter)
        }
        #expect(app.control.positionBreakpoints.count == 6)
        #expect(screen(app, width: 80, height: 48).contains("1–3 toggle · 4–9 remove · any other key closes"))
        app.tap(.character("a"))
        #expect(app.control.typingBreakpoint == nil && app.control.breakpointProblem == "at most 6 positions: remove one first")
        // 9 removes the last; 2 turns the saturation breakpoint on; 0 closes the menu.
        app.tap(.character("9"), .character("2"))
        #expect(app.control.positionBreakpoints.count == 5 && app.breakpoints.contains(.saturated) && app.showBreakpointMenu)
        app.tap(.character("0"))
        #expect(!app.showBreakpointMenu)
    }

    @Test func keysInMessagesAndTheTitleComeFromTheTable() throws {
        var app = try TraceApp(lesson: try quietLesson(epochs: 30))
        app.tap(.character("p"))
        #expect(app.message == "one run is shown: v chooses a variant or all of them side by side")
        #expect(KeyBinding.keyName(for: .chooseVariant) == "v" && KeyBinding.binding(for: .nextRuns)?.statusKey == "p/P")
    }
}
