import ArgumentParser
import DeltaCore
import DeltaText

/// Says how a run ended where it did not simply complete: a NaN or ∞ on standard error with
/// exit status 1; an early stop as a last line of a table, or on standard error beside csv
/// and json (whose lines stay one per epoch).
func report(_ ending: RunEnding?, of run: TrainingRun, format: Format) throws {
    switch ending {
    case .nonFinite(let event)?:
        printError("training stopped at the first non-finite value: \(Narrator.say(event, minus: .ascii))")
        throw ExitCode(1)
    case .stoppedEarly(let stop)?:
        if format == .table { print(Narrator.say(stop)) } else { printError(Narrator.say(stop)) }
    case .completed?:
        // With restore-best, a run that went the distance may still end with an earlier epoch.
        if run.keptEpoch != run.layout.epochs {
            let said = Narrator.say(.completed, epochs: run.layout.epochs, keptEpoch: run.keptEpoch)
            if format == .table { print(said) } else { printError(said) }
        }
    case nil:
        break
    }
}
