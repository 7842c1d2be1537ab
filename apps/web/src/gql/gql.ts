/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment ViewerFields on Viewer {\n  id\n  kind\n  displayName\n  roles\n  home\n  preferredLanguage\n  district {\n    id\n    name\n    state\n  }\n  school {\n    id\n    name\n    code\n  }\n}\n\nquery Me {\n  me {\n    ...ViewerFields\n  }\n}\n\nmutation SignIn($input: StaffSignInInput!) {\n  signIn(input: $input) {\n    ...ViewerFields\n  }\n}\n\nmutation StudentSignIn($input: StudentSignInInput!) {\n  studentSignIn(input: $input) {\n    ...ViewerFields\n  }\n}\n\nmutation SignOut {\n  signOut\n}\n\nmutation SetPreferredLanguage($language: String!) {\n  setPreferredLanguage(language: $language) {\n    id\n    preferredLanguage\n  }\n}": typeof types.ViewerFieldsFragmentDoc,
    "query DistrictSchools($first: Int!) {\n  schools(first: $first) {\n    id\n    name\n    code\n    classCount\n    studentCount\n  }\n}": typeof types.DistrictSchoolsDocument,
    "query SchoolOverview {\n  schools(first: 10) {\n    id\n    name\n    code\n    classCount\n    studentCount\n    classes {\n      id\n      name\n      gradeLevels\n      schoolYear\n      studentCount\n    }\n  }\n}": typeof types.SchoolOverviewDocument,
    "query MyClasses {\n  myClasses {\n    id\n    name\n    gradeLevels\n  }\n}": typeof types.MyClassesDocument,
    "query TeacherClasses {\n  classes {\n    id\n    name\n    gradeLevels\n    schoolYear\n    studentCount\n  }\n}\n\nquery ClassDetail($id: ID!) {\n  class(id: $id) {\n    id\n    name\n    gradeLevels\n    schoolYear\n    studentCount\n    students(first: 200) {\n      id\n      displayName\n      username\n      gradeLevel\n    }\n  }\n}": typeof types.TeacherClassesDocument,
};
const documents: Documents = {
    "fragment ViewerFields on Viewer {\n  id\n  kind\n  displayName\n  roles\n  home\n  preferredLanguage\n  district {\n    id\n    name\n    state\n  }\n  school {\n    id\n    name\n    code\n  }\n}\n\nquery Me {\n  me {\n    ...ViewerFields\n  }\n}\n\nmutation SignIn($input: StaffSignInInput!) {\n  signIn(input: $input) {\n    ...ViewerFields\n  }\n}\n\nmutation StudentSignIn($input: StudentSignInInput!) {\n  studentSignIn(input: $input) {\n    ...ViewerFields\n  }\n}\n\nmutation SignOut {\n  signOut\n}\n\nmutation SetPreferredLanguage($language: String!) {\n  setPreferredLanguage(language: $language) {\n    id\n    preferredLanguage\n  }\n}": types.ViewerFieldsFragmentDoc,
    "query DistrictSchools($first: Int!) {\n  schools(first: $first) {\n    id\n    name\n    code\n    classCount\n    studentCount\n  }\n}": types.DistrictSchoolsDocument,
    "query SchoolOverview {\n  schools(first: 10) {\n    id\n    name\n    code\n    classCount\n    studentCount\n    classes {\n      id\n      name\n      gradeLevels\n      schoolYear\n      studentCount\n    }\n  }\n}": types.SchoolOverviewDocument,
    "query MyClasses {\n  myClasses {\n    id\n    name\n    gradeLevels\n  }\n}": types.MyClassesDocument,
    "query TeacherClasses {\n  classes {\n    id\n    name\n    gradeLevels\n    schoolYear\n    studentCount\n  }\n}\n\nquery ClassDetail($id: ID!) {\n  class(id: $id) {\n    id\n    name\n    gradeLevels\n    schoolYear\n    studentCount\n    students(first: 200) {\n      id\n      displayName\n      username\n      gradeLevel\n    }\n  }\n}": types.TeacherClassesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ViewerFields on Viewer {\n  id\n  kind\n  displayName\n  roles\n  home\n  preferredLanguage\n  district {\n    id\n    name\n    state\n  }\n  school {\n    id\n    name\n    code\n  }\n}\n\nquery Me {\n  me {\n    ...ViewerFields\n  }\n}\n\nmutation SignIn($input: StaffSignInInput!) {\n  signIn(input: $input) {\n    ...ViewerFields\n  }\n}\n\nmutation StudentSignIn($input: StudentSignInInput!) {\n  studentSignIn(input: $input) {\n    ...ViewerFields\n  }\n}\n\nmutation SignOut {\n  signOut\n}\n\nmutation SetPreferredLanguage($language: String!) {\n  setPreferredLanguage(language: $language) {\n    id\n    preferredLanguage\n  }\n}"): (typeof documents)["fragment ViewerFields on Viewer {\n  id\n  kind\n  displayName\n  roles\n  home\n  preferredLanguage\n  district {\n    id\n    name\n    state\n  }\n  school {\n    id\n    name\n    code\n  }\n}\n\nquery Me {\n  me {\n    ...ViewerFields\n  }\n}\n\nmutation SignIn($input: StaffSignInInput!) {\n  signIn(input: $input) {\n    ...ViewerFields\n  }\n}\n\nmutation StudentSignIn($input: StudentSignInInput!) {\n  studentSignIn(input: $input) {\n    ...ViewerFields\n  }\n}\n\nmutation SignOut {\n  signOut\n}\n\nmutation SetPreferredLanguage($language: String!) {\n  setPreferredLanguage(language: $language) {\n    id\n    preferredLanguage\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DistrictSchools($first: Int!) {\n  schools(first: $first) {\n    id\n    name\n    code\n    classCount\n    studentCount\n  }\n}"): (typeof documents)["query DistrictSchools($first: Int!) {\n  schools(first: $first) {\n    id\n    name\n    code\n    classCount\n    studentCount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SchoolOverview {\n  schools(first: 10) {\n    id\n    name\n    code\n    classCount\n    studentCount\n    classes {\n      id\n      name\n      gradeLevels\n      schoolYear\n      studentCount\n    }\n  }\n}"): (typeof documents)["query SchoolOverview {\n  schools(first: 10) {\n    id\n    name\n    code\n    classCount\n    studentCount\n    classes {\n      id\n      name\n      gradeLevels\n      schoolYear\n      studentCount\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyClasses {\n  myClasses {\n    id\n    name\n    gradeLevels\n  }\n}"): (typeof documents)["query MyClasses {\n  myClasses {\n    id\n    name\n    gradeLevels\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TeacherClasses {\n  classes {\n    id\n    name\n    gradeLevels\n    schoolYear\n    studentCount\n  }\n}\n\nquery ClassDetail($id: ID!) {\n  class(id: $id) {\n    id\n    name\n    gradeLevels\n    schoolYear\n    studentCount\n    students(first: 200) {\n      id\n      displayName\n      username\n      gradeLevel\n    }\n  }\n}"): (typeof documents)["query TeacherClasses {\n  classes {\n    id\n    name\n    gradeLevels\n    schoolYear\n    studentCount\n  }\n}\n\nquery ClassDetail($id: ID!) {\n  class(id: $id) {\n    id\n    name\n    gradeLevels\n    schoolYear\n    studentCount\n    students(first: 200) {\n      id\n      displayName\n      username\n      gradeLevel\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;