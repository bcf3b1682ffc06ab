# Build context: the repository root (see docker-compose.yml).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY . .
RUN dotnet publish src/Grains.Silo/Grains.Silo.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Silo:Port (silo to silo) and Silo:GatewayPort (gateways, the Orleans clients); the compose file sets Silo__Port and
# Silo__GatewayPort to these values.
EXPOSE 11111 30000
ENTRYPOINT ["dotnet", "Grains.Silo.dll"]
