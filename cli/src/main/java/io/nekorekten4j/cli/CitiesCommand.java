package io.nekorekten4j.cli;

import io.nekorekten4j.domain.City;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nekorekten cities}: the cities and the ids to file reports with. */
@Command(name = "cities", mixinStandardHelpOptions = true,
        description = {"List the cities and their ids for report --city-id.", ""})
final class CitiesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Lists the cities. */
    @Override
    public Integer call() {
        RootCommand root = RootCommand.of(spec);
        List<City> cities;
        boolean demo;
        try (ApiConnection connection = root.connect(spec.commandLine().getErr())) {
            demo = connection.embedded();
            cities = connection.api().cities();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (root.options().json()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            cities.forEach(c -> array.add(Json.createObjectBuilder().add("id", c.id().value()).add("name", c.name())));
            JsonOutput.write(array.build(), demo, out);
        } else {
            Demo.printNotice(demo, out);
            TextTable table = new TextTable().column("ID").column("CITY");
            cities.forEach(c -> table.row(Integer.toString(c.id().value()), c.name()));
            table.print(out);
        }
        return ExitCode.OK;
    }
}
