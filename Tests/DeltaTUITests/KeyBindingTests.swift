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

/// The help lists every key at every size: its texts wrap, and where the list is longer than
/// the box it scrolls with the keys named in its border.
@Suite struct HelpScrollTests {
    @Test func everyKeyOfTheHelpIsReachableAt64x18() throws {
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"))
        _ = app.handle(.resize(width: 64, height: 18))
        app.tap(.escape, .character("?"))
        #expect(app.showHelp)
        var seen = ""
        for _ in 0..<20 {
            seen += canvas(app, width: 64, height: 18).text
            app.tap(.pageDown)
        }
        #expect(app.showHelp && app.helpScroll == app.helpOverlay.maxScroll(width: 64, height: 18) && app.helpScroll > 0)
        for binding in KeyBinding.traceScreen {
            #expect(seen.contains(binding.keyLabel), "\(binding.keyLabel)")
            // The help's words, wrapped, are all there.
            for word in binding.help.split(separator: " ") { #expect(seen.contains(word), "\(word)") }
        }
        #expect(seen.contains("↓ more, PgDn · any other key closes this help"))
        app.tap(.pageUp)
        #expect(app.showHelp && app.helpScroll < app.helpOverlay.maxScroll(width: 64, height: 18))
        // A larger terminal shows all of it: the scroll is clamped at once.
        _ = app.handle(.resize(width: 160, height: 48))
        #expect(app.helpScroll == 0 && app.helpOverlay.maxScroll(width: 160, height: 48) == 0)
        app.tap(.character("x"))
        #expect(!app.showHelp && app.helpScroll == 0)
    }

    @Test func whereTheWholeHelpShowsAnyKeyClosesIt() throws {
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"))
        _ = app.handle(.resize(width: 160, height: 48))
        app.tap(.escape, .character("?"))
        let shown = canvas(app, width: 160, height: 48).text
        #expect(shown.contains("any key closes this help") && !shown.contains("↓ more, PgDn ·"))
        // The box is as tall as its list: no empty rows under the hint.
        let rows = shown.components(separatedBy: "\n")
        let hint = try #require(rows.firstIndex { $0.contains("any key closes this help") })
        #expect(rows[hint + 1].contains("└"))
        app.tap(.down)
        #expect(!app.showHelp)
    }
}
