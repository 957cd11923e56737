// swift-tools-version:6.0
// Benchmarks live in their own package so the product keeps zero dependencies and benchmark code
// never ships. Run them with bench/run.sh (release builds only).
//
// The product's Package.swift exports only the EventLog library, but the benchmarks also need
// Domain, Workflow, Projections (Replay) and Schedule. Sources/<Module> are therefore symbolic links
// to ../../Sources/<Module>, compiled here with the product's own settings; nothing is copied.
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "TransitionBenchmarks",
    platforms: [.macOS(.v15)],
    targets: [
        .target(name: "TransitionSupport", swiftSettings: strict),
        .target(name: "EventLog", dependencies: ["TransitionSupport"], swiftSettings: strict),
        .target(name: "Schedule", dependencies: ["TransitionSupport"], swiftSettings: strict),
        .target(name: "Workflow", dependencies: ["TransitionSupport"], swiftSettings: strict),
        .target(name: "Domain", dependencies: ["EventLog", "TransitionSupport"], swiftSettings: strict),
        .target(name: "Projections", dependencies: ["Domain", "Workflow", "EventLog", "TransitionSupport"], swiftSettings: strict),
        .executableTarget(name: "log-bench", dependencies: ["EventLog", "TransitionSupport"]),
        .executableTarget(
            name: "transition-bench",
            dependencies: ["EventLog", "Domain", "Workflow", "Projections", "Schedule", "TransitionSupport"]),
    ]
)
