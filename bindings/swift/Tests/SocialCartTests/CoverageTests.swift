import Foundation
import XCTest

/// The coverage rule: every SC_API function of the headers is called by the binding, but
/// those tests/abi/binding_allowlist.txt lets the Swift binding leave unwrapped.
final class CoverageTests: SocialCartTestCase {
    func testEverySCAPIFunctionIsCalledByTheBinding() throws {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let package = tests.deletingLastPathComponent().deletingLastPathComponent()
        // The umbrella header includes one header per capability: read them all.
        let headers = package.appendingPathComponent("../../include/socialcart").standardizedFileURL
        var headerText = ""
        for file in try FileManager.default.contentsOfDirectory(atPath: headers.path).sorted() where file.hasSuffix(".h") {
            headerText += try String(contentsOf: headers.appendingPathComponent(file), encoding: .utf8) + "\n"
        }
        let names = headerText.split(separator: "\n")
            .filter { $0.hasPrefix("SC_API ") }
            .compactMap { line -> String? in
                guard let paren = line.firstIndex(of: "(") else { return nil }
                return line[..<paren].split(whereSeparator: { $0 == " " || $0 == "*" }).last.map(String.init)
            }
        XCTAssertGreaterThan(names.count, 100)
        let sources = package.appendingPathComponent("Sources/SocialCart")
        var code = ""
        for file in try FileManager.default.contentsOfDirectory(atPath: sources.path) where file.hasSuffix(".swift") {
            code += try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
        }
        // A function named only in a comment does not count.
        code = code.replacingOccurrences(of: #"/\*[\s\S]*?\*/"#, with: "", options: .regularExpression)
        code = code.replacingOccurrences(of: #"//[^\n]*"#, with: "", options: .regularExpression)
        let allowed = try swiftAllowlist(package)
        XCTAssertEqual(allowed.subtracting(names), [], "the allowlist names functions no header declares")
        let missing = names.filter { !allowed.contains($0) && !code.contains($0 + "(") }
        XCTAssertEqual(missing, [], "SC_API functions the binding never calls")
        // What the allowlist excuses is truly left alone (else it should leave the list).
        let calledAnyway = names.filter { allowed.contains($0) && code.contains($0 + "(") }
        XCTAssertEqual(calledAnyway, [], "allow-listed functions the binding calls after all")
    }

    /// The functions tests/abi/binding_allowlist.txt lets the Swift binding leave unwrapped
    /// ("swift <function>  # why" lines).
    private func swiftAllowlist(_ package: URL) throws -> Set<String> {
        let file = package.appendingPathComponent("../../tests/abi/binding_allowlist.txt").standardizedFileURL
        let text = try String(contentsOf: file, encoding: .utf8)
        return Set(text.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard words.count >= 2, words[0] == "swift" else { return nil }
            return String(words[1])
        })
    }
}
