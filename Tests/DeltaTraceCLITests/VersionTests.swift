import Foundation
import Testing
@testable import deltatrace

/// `deltatrace --version` prints the one declared version.
@Suite struct VersionTests {
    @Test func versionIsTheDeclaredOne() throws {
        let outcome = try deltatrace(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == DeltaTrace.version + "\n")
        // A version as semantic versioning writes it: MAJOR.MINOR.PATCH.
        let parts = DeltaTrace.version.split(separator: ".")
        #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil })
        // README says which version this is and where it is declared.
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("version \(DeltaTrace.version)"))
    }
}
