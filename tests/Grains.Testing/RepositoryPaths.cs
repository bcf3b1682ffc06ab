namespace Grains.Testing;

/// <summary>Where the repository and the built executables are, found from the test assembly's location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built with (Debug or Release), taken from the output path.</summary>
    public static string Configuration { get; } = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    /// <summary>The built entry assembly of the project <c>src/{project}</c> (built alongside the tests).</summary>
    public static string BuiltAssembly(string project)
    {
        var path = Path.Combine(Root, "src", project, "bin", Configuration, "net10.0", project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{project} is not built at {path}; build the solution first.", path);
    }

    /// <summary>A test assembly next to the running tests.</summary>
    public static string TestAssembly(string name) => Path.Combine(AppContext.BaseDirectory, name + ".dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Grains.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Grains.sln was not found above " + AppContext.BaseDirectory);
    }
}
