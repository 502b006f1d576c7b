import Foundation
import SocialCart
import Walkthrough

// Usage: socialcart-walkthrough [program.json] [database-file] [promotions.json]
// Defaults: ../walkthrough/program.json relative to this package, a temporary file, and the
// promotions.json in the same directory as program.json. The points chapters read the
// points.json, and the tier chapters the tiers.json, in the same directory as program.json;
// the chapters from 27 on (share links, share-to-earn, group-buy, flash sale, bargain) read
// no file.
let packageDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let arguments = CommandLine.arguments
let programPath = arguments.count > 1
    ? arguments[1]
    : packageDirectory.appendingPathComponent("../walkthrough/program.json").standardizedFileURL.path

let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("socialcart-walkthrough-\(UUID().uuidString)", isDirectory: true)
let databasePath = arguments.count > 2 ? arguments[2] : directory.appendingPathComponent("walkthrough.db").path
let promotionsPath = arguments.count > 3 ? arguments[3] : promotionsPathNextTo(programPath)

do {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try runWalkthrough(programPath: programPath, databasePath: databasePath, promotionsPath: promotionsPath)
} catch {
    FileHandle.standardError.write(Data("walkthrough: \(error)\n".utf8))
    exit(1)
}

// The engine and every snapshot are gone by now.
if SCLibrary.liveObjectCount != 0 {
    FileHandle.standardError.write(Data("walkthrough: \(SCLibrary.liveObjectCount) object(s) leaked\n".utf8))
    exit(1)
}
print("\nThe end: every handle freed.")
