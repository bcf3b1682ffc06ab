# Build context: the repository root (see docker-compose.yml).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY . .
RUN dotnet publish src/Grains.Silo/Grains.Silo.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The shop's HTTP API (8080, which the gateways forward to), Silo:Port (silo to silo) and Silo:GatewayPort (the
# gateways' operator tools, Orleans clients); the compose file sets ASPNETCORE_URLS, Silo__Port and Silo__GatewayPort
# to these values.
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080 11111 30000
ENTRYPOINT ["dotnet", "Grains.Silo.dll"]
