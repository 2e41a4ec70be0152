import DeltaCore
import DeltaText

extension Lesson {
    /// The initial parameters of a run, by the one rule every command and the screen share:
    /// they are determined by the run's init settings alone — the scheme or the explicit
    /// weights w_{l,i,j} and biases b_{l,j}, and the init seed (`init.seed`, which defaults to
    /// the lesson's own `train.seed`). Runs with the same init settings therefore start from
    /// the same parameters, whatever else they change; a variant that changes only
    /// `train.seed` changes the shuffles and dropout masks, not the starting point.
    public func initialParameters(_ settings: Settings, network: Network) throws -> Parameters {
        do {
            return try settings.initialization.parameters(for: network, seed: settings.initSeed)
        } catch {
            throw LessonError(SourceLocation(file: file, line: 1, column: 1), "the lesson cannot be trained: \(Narrator.say(RunError.initialization(error)))")
        }
    }

    /// A training run of some settings of the lesson (its own, a variant's, or changed ones),
    /// from the initial parameters ``initialParameters(_:network:)`` gives them.
    public func makeRun(_ settings: Settings) throws -> TrainingRun {
        try makeRun(settings, on: datasets(for: settings))
    }

    /// A training run of some settings on given datasets (the lesson's own split, or a
    /// cross-validation fold's), from the initial parameters the settings give.
    func makeRun(_ settings: Settings, on sets: Datasets) throws -> TrainingRun {
        let network = try settings.network()
        let parameters = try initialParameters(settings, network: network)
        do {
            return try TrainingRun(network: network, training: sets.training, validation: sets.validation,
                                   configuration: settings.training, parameters: parameters)
        } catch {
            throw LessonError(SourceLocation(file: file, line: 1, column: 1), "the lesson cannot be trained: \(Narrator.say(error))")
        }
    }

    /// The datasets a run of some settings trains on and is judged by: the lesson's rows and
    /// split, with the settings' data keys applied (`standardize`: the training rows'
    /// statistics scale all three).
    public func datasets(for settings: Settings) -> Datasets {
        data.datasets(for: settings)
    }

    /// A training run of the base lesson or a variant.
    public func makeRun(variant: String? = nil) throws -> TrainingRun {
        try makeRun(settings(variant: variant))
    }

    /// Runs of several settings of the lesson for comparing them side by side. Each is the
    /// run ``makeRun(_:)`` makes, so a contender with the lesson's init settings starts from
    /// the lesson's initial parameters and only the setting compared differs.
    public func makeRuns(comparing contenders: [Settings]) throws -> [TrainingRun] {
        try contenders.map { try makeRun($0) }
    }
}
