/** The repository an action run works on, as `owner/name`. */
export interface RepositoryRef {
  owner: string;
  repo: string;
}

export function parseRepository(fullName: string): RepositoryRef {
  const [owner, repo, ...rest] = fullName.split("/");
  if (!owner || !repo || rest.length > 0) throw new Error(`not an owner/name repository: "${fullName}"`);
  return { owner, repo };
}
