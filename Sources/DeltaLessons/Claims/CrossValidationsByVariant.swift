import DeltaCore
import Foundation

/// A lesson's cross-validations by variant and number of folds, each run the first time a
/// `cv` claim asks for it: a lesson's claims on the mean and the sd of the same folds train
/// the K models once.
final class CrossValidationsByVariant {
    /// The lesson the folds are dealt from.
    let lesson: Lesson
    /// The cross-validations run so far, by variant name ("" for the lesson itself) and K.
    private var made: [String: [Int: CrossValidation]] = [:]

    /// None run yet.
    init(_ lesson: Lesson) {
        self.lesson = lesson
    }

    /// The K-fold cross-validation of a variant (nil: the lesson itself), run now on every
    /// core if it was not yet.
    func result(_ variant: String?, folds k: Int) throws -> CrossValidation {
        if let cv = made[variant ?? ""]?[k] { return cv }
        let cv = try lesson.crossValidate(try lesson.settings(variant: variant), folds: k,
                                          jobs: ProcessInfo.processInfo.activeProcessorCount)
        made[variant ?? "", default: [:]][k] = cv
        return cv
    }
}
