// swift-tools-version:6.0
// Benchmarks live in their own package so the product keeps zero dependencies and benchmark code
// never ships. Run them with bench/run.sh (release builds only).
import PackageDescription

let package = Package(
    name: "TransitionBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Transition", path: "..")],
    targets: [
        .executableTarget(
            name: "log-bench",
            dependencies: [.product(name: "EventLog", package: "Transition")]
        ),
    ]
)
