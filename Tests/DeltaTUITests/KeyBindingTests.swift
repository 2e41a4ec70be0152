import DeltaText
import DeltaCore
import Foundation
import Testing
@testable import DeltaTUI

/// The screen's keys are declared once; the help and the status bar are made from them.
@Suite struct KeyBindingTests {
    @Test func everyBindingIsInTheHelp() throws {
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"))
        app.tap(.escape, .character("?"))
        let help = screen(app)
        for binding in KeyBinding.traceScreen {
            #expect(help.contains(binding.keyLabel.padded(17) + binding.help), "\(binding.keyLabel)")
        }
    }

    @Test func theStatusBarShowsTheEssentialKeysAt80Columns() throws {
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"))
        app.finishTraining()
        app.tap(.escape)  // the first question waits: its status bar is the answering mode's
        let status = try #require(screen(app).components(separatedBy: "\n").last)
        let essential = KeyBinding.traceScreen.filter(\.essential)
        #expect(essential.count >= 9)
        for binding in essential {
            #expect(status.contains("\(binding.statusKey) \(binding.status!)"), "\(binding.statusKey)")
        }
        #expect(status.hasPrefix(" → step ← back n/N same kind u/U update e/E epoch g go r run ? help q lessons"))
        // Where the essential keys do not all fit, the help key keeps its place at the end.
        let narrow = try #require(screen(app, width: 64, height: 18).components(separatedBy: "\n").last)
        #expect(narrow.hasPrefix(" → step ← back n/N same kind u/U update e/E epoch g go") && narrow.hasSuffix("? help"), "\(narrow)")
    }

    @Test func everyActionHasAKeyAndNoKeyTwoActions() {
        // The screen's keys, the keys that work while a question waits and those of the
        // menus: every action is in one of the tables, and within a table each action and
        // each key appears once.
        let tables = [KeyBinding.traceScreen, KeyBinding.answering, KeyBinding.variantMenu(choices: 12),
                      KeyBinding.breakpointMenu(conditions: 3, positions: 6), KeyBinding.typingPosition]
        #expect(Set(tables.flatMap { $0.flatMap(\.actions) }) == Set(Action.allCases))
        for table in tables {
            let actions = table.flatMap(\.actions)
            #expect(Set(actions).count == actions.count)
            let keys = table.flatMap { $0.primary.keys + ($0.reverse?.keys ?? []) }
            #expect(Set(keys).count == keys.count)
            for binding in table {
                for key in binding.primary.keys { #expect(KeyBinding.action(for: key, in: table) == binding.primary.action) }
                for key in binding.reverse?.keys ?? [] { #expect(KeyBinding.action(for: key, in: table) == binding.reverse?.action) }
            }
        }
    }

    @Test func pressingAKeyPerformsItsBinding() throws {
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"))
        app.tap(.escape)
        app.tap(.tab)
        #expect(app.view == .minibatch)
        app.tap(.backTab, .character("c"))
        #expect(app.view == .network && app.chartChoice == true)
        app.tap(.character("l"))
        #expect(app.leader.shown.position.step == .outputError(example: 1))
    }
}
